import type { FocusSession, InterruptionKind } from '@bigrock/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLoaderData, useRevalidator } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { formatElapsed } from '../tracking/tracking-format';
import { useNow } from '../tracking/use-now';
import { focusApi, type FocusCurrent } from './focus-api';
import type { FocusData } from './focus-loaders';
import { FocusStatsSection } from './FocusStatsSection';

/** `12:05`, or `1:02:05` past an hour; `+3:10` once past the planned length. */
function clock(seconds: number): string {
  const over = seconds < 0;
  const whole = Math.abs(Math.trunc(seconds));
  const text = whole >= 3600 ? formatElapsed(whole) : formatElapsed(whole).slice(2);
  return over ? `+${text}` : text;
}

/** Whether a key press belongs to a field being typed in, not to the page's shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

const shortcuts = [
  { key: 'i', what: 'an internal interruption (your own mind)' },
  { key: 'e', what: 'an external interruption (someone or something else)' },
  { key: 'p', what: 'pause or resume' },
  { key: 'f', what: 'finish' },
] as const;

/**
 * The open session: a large timer counting down the planned length (the focused time beside it),
 * what it is on, and the controls, each with its key.
 */
function RunningSession({ session }: { session: FocusSession }) {
  const revalidator = useRevalidator();
  const { pending, error, run } = usePendingAction();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const running = session.status === 'running';
  // Counted from the server's figure and the browser's clock since it came: two clocks never mix.
  const [received] = useState(() => Date.now());
  const now = useNow(running);
  const focused = session.focusedSeconds + (running ? Math.max(0, Math.floor((now - received) / 1000)) : 0);
  const remaining = session.plannedSeconds - focused;
  const internal = session.interruptions.filter(({ kind }) => kind === 'internal').length;
  const external = session.interruptions.length - internal;

  const act = (action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      await revalidator.revalidate();
    });
  const interrupt = async (kind: InterruptionKind) => {
    if (await act(() => focusApi.interrupt({ kind, note: note.trim() === '' ? undefined : note }))) setNote('');
  };
  const pauseOrResume = () => act(() => (running ? focusApi.pause() : focusApi.resume()));
  const finish = () => act(() => focusApi.done());

  // The shortcuts read the latest handlers through a ref: the listener is added once.
  const handlers = useRef({ interrupt, pauseOrResume, finish, running, pending });
  useEffect(() => {
    handlers.current = { interrupt, pauseOrResume, finish, running, pending };
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const current = handlers.current;
      if (current.pending) return;
      const key = event.key.toLowerCase();
      if (key === 'i' && current.running) void current.interrupt('internal');
      else if (key === 'e' && current.running) void current.interrupt('external');
      else if (key === 'p') void current.pauseOrResume();
      else if (key === 'f') void current.finish();
      else return;
      event.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  async function abandon(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError('Say why you abandon the session, e.g. The client called.');
      return;
    }
    setReasonError(null);
    await act(() => focusApi.abandon({ reason }));
  }

  return (
    <section className="panel focus-session" aria-labelledby="focus-title">
      <title>{`${formatElapsed(focused)} · Focus: ${session.title} · Bigrock`}</title>
      <p className="eyebrow">
        {session.target === 'rock' ? "Today's big rock" : session.target === 'block' ? 'Block' : 'Focus'}
      </p>
      <h2 id="focus-title" className="focus-title">
        {session.title}
      </h2>
      {session.title !== session.activity && <p className="muted">Tracked as {session.activity}</p>}
      <div className="focus-clock" role="timer" aria-label={remaining >= 0 ? 'Time left' : 'Time past the plan'}>
        {clock(remaining)}
      </div>
      <p className="focus-elapsed">
        <span aria-label="Focused time">{formatElapsed(focused)}</span> focused of{' '}
        {formatElapsed(session.plannedSeconds)} planned{!running && <strong> · Paused</strong>}
      </p>
      <p className="focus-count" aria-live="polite">
        Interruptions: {internal} internal, {external} external
      </p>

      <div className="field focus-note">
        <label htmlFor="focus-note">Interruption note (optional)</label>
        <input id="focus-note" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
      </div>
      <div className="focus-controls">
        <button type="button" disabled={pending || !running} onClick={() => void interrupt('internal')}>
          Internal interruption <kbd aria-hidden="true">i</kbd>
        </button>
        <button type="button" disabled={pending || !running} onClick={() => void interrupt('external')}>
          External interruption <kbd aria-hidden="true">e</kbd>
        </button>
        <button type="button" className="button-secondary" disabled={pending} onClick={() => void pauseOrResume()}>
          {running ? 'Pause' : 'Resume'} <kbd aria-hidden="true">p</kbd>
        </button>
        <button type="button" disabled={pending} onClick={() => void finish()}>
          Finish <kbd aria-hidden="true">f</kbd>
        </button>
      </div>
      <ErrorAlert error={error} />

      <h3 className="sr-only">Keyboard shortcuts</h3>
      <ul className="focus-shortcuts" aria-label="Keyboard shortcuts">
        {shortcuts.map(({ key, what }) => (
          <li key={key}>
            <kbd>{key}</kbd> {what}
          </li>
        ))}
      </ul>

      <form className="focus-abandon" noValidate onSubmit={(event) => void abandon(event)}>
        <div className={reasonError === null ? 'field' : 'field field-invalid'}>
          <label htmlFor="focus-reason">Reason to abandon</label>
          <input
            id="focus-reason"
            value={reason}
            maxLength={500}
            required
            aria-invalid={reasonError === null ? undefined : true}
            aria-describedby={reasonError === null ? undefined : 'focus-reason-error'}
            onChange={(event) => setReason(event.target.value)}
          />
          {reasonError !== null && (
            <p id="focus-reason-error" className="field-error">
              {reasonError}
            </p>
          )}
        </div>
        <button type="submit" className="button-danger" disabled={pending}>
          Abandon session
        </button>
      </form>
    </section>
  );
}

/** What to focus on: today's big rock when there is one open, or an activity; for how long. */
function StartForm({ current, names }: { current: FocusCurrent; names: readonly string[] }) {
  const revalidator = useRevalidator();
  const { pending, error, run } = usePendingAction();
  const [activity, setActivity] = useState('');
  const [minutes, setMinutes] = useState(String(current.defaultMinutes));
  const [problem, setProblem] = useState<string | null>(null);
  const rock = current.rock !== null && current.rock.status === 'open' ? current.rock : null;

  async function start(onRock: boolean) {
    const planned = Number(minutes);
    if (!Number.isInteger(planned) || planned < 1 || planned > 720) {
      setProblem('Plan a whole number of minutes from 1 to 720.');
      return;
    }
    if (!onRock && activity.trim() === '') {
      setProblem('Name the activity to focus on, e.g. Calls.');
      return;
    }
    setProblem(null);
    await run(async () => {
      await focusApi.start({
        minutes: planned,
        ...(onRock ? { rock: true } : {}),
        ...(activity.trim() === '' ? {} : { activity }),
      });
      await revalidator.revalidate();
    });
  }

  return (
    <section className="panel focus-start" aria-labelledby="focus-start-heading">
      <h2 id="focus-start-heading">Start a focus session</h2>
      <p className="muted">One thing at a time: starting stops any other timer, and the focused time is tracked.</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void start(false);
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor="focus-activity">Activity</label>
            <input
              id="focus-activity"
              list="focus-activity-names"
              value={activity}
              maxLength={200}
              placeholder="Calls, Writing, Client work…"
              onChange={(event) => setActivity(event.target.value)}
            />
            <datalist id="focus-activity-names">
              {names.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor="focus-minutes">Planned minutes</label>
            <input
              id="focus-minutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={720}
              step={1}
              value={minutes}
              onChange={(event) => setMinutes(event.target.value)}
            />
          </div>
        </div>
        {problem !== null && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <ErrorAlert error={error} />
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            Start focus
          </button>
          {rock !== null && (
            <button type="button" className="button-secondary" disabled={pending} onClick={() => void start(true)}>
              Focus on the big rock: {rock.title}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/** The focus page: the session (or a form to start one) and the last four weeks' statistics. */
export function FocusPage() {
  const { current, names, stats } = useLoaderData<FocusData>();
  const session = current.session;
  return (
    <>
      <header className="page-header">
        <h1>Focus</h1>
      </header>
      {session === null ? (
        <StartForm current={current} names={names} />
      ) : (
        // A fresh view (and count) for each change the server answers.
        <RunningSession
          key={`${session.id} ${session.status} ${session.segments.length} ${session.interruptions.length} ${session.focusedSeconds}`}
          session={session}
        />
      )}
      <FocusStatsSection stats={stats} />
    </>
  );
}
