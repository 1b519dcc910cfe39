import type { DeletedItem } from '@bigrock/core';

import { api } from './api-client';

/** Undo: a delete's answer names the deleted item; restoring it puts the row back as it was. */
export const undoApi = {
  restore: (deletedItemId: string) => api.post<DeletedItem>(`/deleted/${encodeURIComponent(deletedItemId)}/restore`),
};
