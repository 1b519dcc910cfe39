import type { BigRock, PlanAgainstActual, WeekBlock } from '@bigrock/core';
import { Link, useLoaderData, useRevalidator } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDate, formatDelta, formatPercent } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { BlockActualLine } from './BlockActualLine';
import { plannerApi, type todayLoader } from './planner-api';
import { blockWhat, duration } from './planner-labels';
import { RockForm } from './RockForm';
import { ShutdownForm } from './ShutdownForm';

function rockLine(rock: BigRock): string {
  const estimate = rock.estimateMinutes === null ? '' : `, about ${duration(rock.estimateMinutes * 60)}`;
  const status =
    rock.status === 'done'
      ? 'done'
      : rock.status === 'carried'
        ? `carried over to ${formatDate(rock.carriedTo ?? rock.date)}: ${rock.carryReason ?? ''}`
        : 'open';
  return `${rock.title} (${status}${estimate})`;
}

/** A day's blocks against what was tracked inside them. */
function DayBlocks({ blocks, actual, label }: { blocks: WeekBlock[]; actual: PlanAgainstActual; label: string }) {
  if (blocks.length === 0) return <p className="muted">No blocks.</p>;
  return (
    <ul className="block-list" aria-label={label}>
      {blocks.map((block) => (
        <li key={block.id} className={block.skipped ? 'block-row block-skipped' : 'block-row'}>
          <div className="block-main">
            <span className="block-time">
              {block.start}–{block.end}
            </span>{' '}
            <strong>{blockWhat(block)}</strong>
            {block.note !== null && <span className="muted"> · {block.note}</span>}
            <div>
              <BlockActualLine block={block} actual={actual.blocks.find((item) => item.blockId === block.id)} />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * The day: its blocks, its big rock, the activities behind their line and the goals behind theirs,
 * yesterday's plan against what happened, and the shutdown at the end of it.
 */
export function TodayPage() {
  const { day, choices } = useLoaderData<typeof todayLoader>();
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const rock = day.rock;
  const adherence = day.actual.week.adherence;

  return (
    <>
      <title>Today · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Today</h1>
          <p className="muted">
            {formatDate(day.date)}, week <Link to={`/week?week=${day.week}`}>{day.week}</Link>.
          </p>
        </div>
      </div>

      <section className="panel" aria-labelledby="rock-heading">
        <h2 id="rock-heading">Big rock</h2>
        {!day.rockStart.allowed && (
          <p className="notice" role="note">
            {day.rockStart.message}
          </p>
        )}
        {rock === null ? (
          <RockForm dates={[day.date]} choices={choices} heading="Choose today's big rock" />
        ) : (
          <>
            <p className="big-rock-title">{rockLine(rock)}</p>
            {rock.status === 'open' && (
              <button
                type="button"
                className="button"
                disabled={pending}
                onClick={() =>
                  void run(async () => {
                    await plannerApi.rockDone(day.date);
                    await revalidator.revalidate();
                  })
                }
              >
                Mark the big rock done
              </button>
            )}
            <ErrorAlert error={error} />
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="blocks-heading">
        <h2 id="blocks-heading">Today&apos;s blocks</h2>
        <p className="muted">
          {adherence === null
            ? 'Nothing planned has passed yet.'
            : `${formatPercent(adherence)} of ${duration(day.actual.week.plannedSeconds)} kept so far.`}
        </p>
        <DayBlocks blocks={day.blocks} actual={day.actual} label="Today's blocks" />
      </section>

      <section className="panel" aria-labelledby="behind-heading">
        <h2 id="behind-heading">Behind</h2>
        {day.activitiesBehind.length === 0 && day.goalsBehind.length === 0 ? (
          <p className="muted">Nothing is behind its line.</p>
        ) : (
          <ul className="notes">
            {day.activitiesBehind.map((activity) => (
              <li key={activity.id}>
                <Link to={`/activities/${activity.id}`}>{activity.name}</Link>:{' '}
                {formatDelta(activity.delta, activity.unit)} against its line
              </li>
            ))}
            {day.goalsBehind.map((goal) => (
              <li key={goal.id}>
                <Link to={`/goals/${goal.id}`}>{goal.title}</Link>: {formatDelta(goal.delta, goal.unit)} against its
                line
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="yesterday-heading">
        <h2 id="yesterday-heading">Yesterday</h2>
        <p>
          Big rock: {day.yesterday.rock === null ? <span className="muted">none</span> : rockLine(day.yesterday.rock)}
        </p>
        <p className="muted">
          {day.yesterday.actual.week.adherence === null
            ? 'No planned time.'
            : `${formatPercent(day.yesterday.actual.week.adherence)} of ${duration(day.yesterday.actual.week.plannedSeconds)} kept.`}
        </p>
        <DayBlocks blocks={day.yesterday.blocks} actual={day.yesterday.actual} label="Yesterday's blocks" />
      </section>

      <ShutdownForm day={day} choices={choices} />
    </>
  );
}
