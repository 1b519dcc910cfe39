import { findIdleGap, type IdleInterval, type TimeEntry } from '@bigrock/core';
import { useEffect, useState } from 'react';
import { useRevalidator } from 'react-router-dom';

import { IdleDialog } from './IdleDialog';
import { idleSettings } from './idle-settings';
import { trackingApi } from './tracking-api';
import { useIdleWatch } from './use-idle-watch';

interface Question {
  running: TimeEntry;
  idle: IdleInterval;
  timeZone: string;
}

/**
 * On every page: when the app finds that nobody was here for a while and a timer ran through it,
 * asks what becomes of that time (IdleDialog). The timer is read from the server then, so the
 * question is about the timer that runs now, whichever device started it.
 */
export function IdleWatch() {
  const { idle, dismiss } = useIdleWatch();
  const [question, setQuestion] = useState<Question | null>(null);
  const revalidator = useRevalidator();

  useEffect(() => {
    if (idle === null) return undefined;
    let current = true;
    void (async () => {
      try {
        const [{ running }, workspace] = await Promise.all([trackingApi.timer(), trackingApi.workspace()]);
        // Only the part of the time away that the timer ran through is in question.
        const inTimer =
          running === null
            ? null
            : findIdleGap([idle.startMs, idle.endMs], {
                thresholdMs: idleSettings().minutes * 60_000,
                sinceMs: Date.parse(running.start),
              });
        if (!current) return;
        if (running === null || inTimer === null) dismiss();
        else setQuestion({ running, idle: inTimer, timeZone: workspace.timeZone });
      } catch {
        // The server is not back yet: nothing to ask about; the entries can still be corrected by hand.
        if (current) dismiss();
      }
    })();
    return () => {
      current = false;
    };
  }, [idle, dismiss]);

  if (question === null) return null;
  return (
    <IdleDialog
      // A new question (another timer, a wider gap) is a new dialog, with its own choices.
      key={`${question.running.id}-${question.idle.startMs}-${question.idle.endMs}`}
      {...question}
      onDone={(changed) => {
        setQuestion(null);
        dismiss();
        if (changed) void revalidator.revalidate();
      }}
    />
  );
}
