import { useEffect, useId, useState, type FormEvent } from 'react';

import { ApiError, fieldMessage } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { announceNotificationsChanged } from './digest-storage';
import { plannerApi, type NotificationsView } from './planner-api';

type Permission = 'default' | 'denied' | 'granted' | 'unsupported';

const permissionNow = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

const permissionText: Record<Permission, string> = {
  default: 'This browser has not been asked yet: the digest shows as a banner in the app.',
  denied:
    'This browser refuses notifications: the digest shows as a banner in the app. Change it in the site settings.',
  granted: 'This browser shows the digest as a notification too.',
  unsupported: 'This browser has no notifications: the digest shows as a banner in the app.',
};

/**
 * Notifications, none by default: one daily digest at a time of day, quiet hours when nothing
 * shows, and the browser's permission, asked only when this button is clicked.
 */
export function NotificationsSection() {
  const id = useId();
  const [loaded, setLoaded] = useState<NotificationsView | null>(null);
  const [digestOn, setDigestOn] = useState(false);
  const [digestTime, setDigestTime] = useState('08:30');
  const [quietOn, setQuietOn] = useState(false);
  const [quietStart, setQuietStart] = useState('20:00');
  const [quietEnd, setQuietEnd] = useState('08:00');
  const [saved, setSaved] = useState(false);
  const [permission, setPermission] = useState<Permission>(permissionNow);
  const { pending, error, run } = usePendingAction();

  useEffect(() => {
    void run(async () => {
      const settings = await plannerApi.notifications();
      setLoaded(settings);
      setDigestOn(settings.digestTime !== null);
      if (settings.digestTime !== null) setDigestTime(settings.digestTime);
      setQuietOn(settings.quietHours !== null);
      if (settings.quietHours !== null) {
        setQuietStart(settings.quietHours.start);
        setQuietEnd(settings.quietHours.end);
      }
    });
    // Read once when the section shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const errorOf = (field: string) =>
    error instanceof ApiError && error.field === field ? fieldMessage(error) : undefined;
  const digestError = errorOf('digestTime');
  const quietError = errorOf('quietHours.end') ?? errorOf('quietHours.start');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    void run(async () => {
      const settings = await plannerApi.updateNotifications({
        digestTime: digestOn ? digestTime : null,
        quietHours: quietOn ? { start: quietStart, end: quietEnd } : null,
      });
      setLoaded(settings);
      setSaved(true);
      announceNotificationsChanged(settings);
    });
  }

  return (
    <section className="panel settings-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Notifications</h2>
      <p className="field-hint">
        Nothing interrupts you unless you choose it here: one daily digest (the day&apos;s big rock, its blocks and what
        is behind), never during quiet hours
        {loaded === null ? '' : `, on the clocks of ${loaded.timeZone}`}.
      </p>
      <form noValidate onSubmit={submit}>
        {/* Nothing to change until the saved settings are in: an edit made before would be overwritten. */}
        <fieldset className="form-section" disabled={loaded === null}>
          <legend>Daily digest</legend>
          <label className="checkbox-row">
            <input type="checkbox" checked={digestOn} onChange={(event) => setDigestOn(event.target.checked)} /> Send a
            daily digest
          </label>
          <div className={digestError ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-digest`}>Digest time</label>
            <input
              id={`${id}-digest`}
              type="time"
              value={digestTime}
              disabled={!digestOn}
              aria-invalid={digestError ? true : undefined}
              aria-describedby={digestError ? `${id}-digest-error` : undefined}
              onChange={(event) => setDigestTime(event.target.value)}
            />
            {digestError && (
              <p id={`${id}-digest-error`} className="field-error">
                {digestError}
              </p>
            )}
          </div>
        </fieldset>
        <fieldset className="form-section" disabled={loaded === null}>
          <legend>Quiet hours</legend>
          <label className="checkbox-row">
            <input type="checkbox" checked={quietOn} onChange={(event) => setQuietOn(event.target.checked)} /> Keep
            quiet hours
          </label>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-quiet-start`}>Quiet from</label>
              <input
                id={`${id}-quiet-start`}
                type="time"
                value={quietStart}
                disabled={!quietOn}
                onChange={(event) => setQuietStart(event.target.value)}
              />
            </div>
            <div className={quietError ? 'field field-invalid' : 'field'}>
              <label htmlFor={`${id}-quiet-end`}>Quiet until</label>
              <input
                id={`${id}-quiet-end`}
                type="time"
                value={quietEnd}
                disabled={!quietOn}
                aria-invalid={quietError ? true : undefined}
                aria-describedby={quietError ? `${id}-quiet-error` : undefined}
                onChange={(event) => setQuietEnd(event.target.value)}
              />
              {quietError && (
                <p id={`${id}-quiet-error`} className="field-error">
                  {quietError}
                </p>
              )}
            </div>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={pending || loaded === null}>
            Save notifications
          </button>
        </div>
        {!digestError && !quietError && <ErrorAlert error={error} />}
        <p role="status" className="muted">
          {saved ? 'Saved.' : ''}
        </p>
      </form>
      <p className="field-hint">{permissionText[permission]}</p>
      {permission === 'default' && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void Notification.requestPermission().then(setPermission)}
        >
          Allow browser notifications
        </button>
      )}
    </section>
  );
}
