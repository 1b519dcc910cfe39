import { MAX_IDLE_MINUTES, MIN_IDLE_MINUTES } from '@bigrock/core';
import { useState } from 'react';

import { saveIdleSettings, useIdleSettings } from '../tracking/idle-settings';
import { hasIdleDetector, requestIdleDetection } from '../tracking/use-idle-watch';

/** How this browser notices time away from a running timer: settings of the browser, not of the workspace. */
export function IdleSettingsSection() {
  const settings = useIdleSettings();
  const [minutes, setMinutes] = useState(String(settings.minutes));
  const [problem, setProblem] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);

  function changeMinutes(text: string) {
    setMinutes(text);
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < MIN_IDLE_MINUTES || value > MAX_IDLE_MINUTES) {
      setProblem(`Give a whole number of minutes from ${MIN_IDLE_MINUTES} to ${MAX_IDLE_MINUTES}.`);
      return;
    }
    setProblem(null);
    saveIdleSettings({ minutes: value });
  }

  // The permission can be asked only now, in answer to the user's own change.
  async function changeDetection(wanted: boolean) {
    setRefused(false);
    if (!wanted) {
      saveIdleSettings({ detectAway: false });
      return;
    }
    const granted = await requestIdleDetection();
    setRefused(!granted);
    saveIdleSettings({ detectAway: granted });
  }

  return (
    <section className="panel settings-panel" aria-labelledby="idle-settings-heading">
      <h2 id="idle-settings-heading">Away from a running timer</h2>
      <p className="field-hint">
        Settings of this browser. When a timer ran while nobody was here (the computer slept, or you were away), Bigrock
        asks whether to keep that time, discard it or split it off.
      </p>
      <div className={problem === null ? 'field' : 'field field-invalid'}>
        <label htmlFor="idle-minutes">Ask after being away for (minutes)</label>
        <input
          id="idle-minutes"
          type="number"
          inputMode="numeric"
          min={MIN_IDLE_MINUTES}
          max={MAX_IDLE_MINUTES}
          step={1}
          value={minutes}
          aria-invalid={problem === null ? undefined : true}
          aria-describedby={problem === null ? undefined : 'idle-minutes-error'}
          onChange={(event) => changeMinutes(event.target.value)}
        />
        {problem !== null && (
          <p id="idle-minutes-error" className="field-error">
            {problem}
          </p>
        )}
      </div>
      {hasIdleDetector() ? (
        <div className="field">
          <label className="inline-check">
            <input
              type="checkbox"
              checked={settings.detectAway}
              aria-describedby="idle-detect-hint"
              onChange={(event) => void changeDetection(event.target.checked)}
            />{' '}
            Detect when I&apos;m away
          </label>
          <p id="idle-detect-hint" className="field-hint">
            Asks the browser for permission to notice when you leave the computer while it stays on.
          </p>
          {refused && (
            <p role="alert" className="field-error">
              The browser did not allow it; Bigrock still notices when the computer slept.
            </p>
          )}
        </div>
      ) : (
        <p className="field-hint">
          This browser cannot tell when you leave the computer; Bigrock notices when the computer slept.
        </p>
      )}
      <div className="field">
        <label className="inline-check">
          <input
            type="checkbox"
            checked={settings.discardStops}
            onChange={(event) => saveIdleSettings({ discardStops: event.target.checked })}
          />{' '}
          Leave the timer stopped after discarding time away
        </label>
      </div>
    </section>
  );
}
