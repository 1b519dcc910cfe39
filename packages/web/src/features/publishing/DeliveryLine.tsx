import type { PostDelivery } from '@bigrock/core';

import { deliveryAdvice, networkLabels, statusBadge, statusLabels } from './post-labels';

/**
 * Where a post stands on one account: its status, the link to it once posted, and for a failure
 * or a missed time, the reason and what to do.
 */
export function DeliveryLine({ delivery }: { delivery: PostDelivery }) {
  const advice = delivery.status === 'failed' || delivery.status === 'missed' ? deliveryAdvice(delivery) : null;
  return (
    <li className="delivery-line">
      <span className={statusBadge[delivery.status]}>{statusLabels[delivery.status]}</span>{' '}
      <span>
        {networkLabels[delivery.network]} · {delivery.accountName ?? 'a removed account'}
      </span>
      {delivery.status === 'posted' && delivery.remoteUrl !== null && (
        <a className="delivery-url" href={delivery.remoteUrl} target="_blank" rel="noreferrer">
          {delivery.remoteUrl}
        </a>
      )}
      {delivery.status !== 'posted' && delivery.reason !== null && (
        <p className="delivery-reason">Reason: {delivery.reason}</p>
      )}
      {advice !== null && <p className="muted">{advice}</p>}
    </li>
  );
}
