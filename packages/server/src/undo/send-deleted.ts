import { DELETED_ITEM_HEADER } from '@bigrock/core';
import type { FastifyReply } from 'fastify';

/** What the OpenAPI document says of every delete that can be undone. */
export const deletedItemDescription =
  `Answers 204; its \`${DELETED_ITEM_HEADER}\` header holds the id of the deleted item, which ` +
  '`POST /api/v1/deleted/{id}/restore` brings back for 24 hours.';

/** A delete's answer: 204, with the id to undo it by in the Deleted-Item header. */
export function sendDeleted(reply: FastifyReply, deletedItemId: string): FastifyReply {
  return reply.header(DELETED_ITEM_HEADER, deletedItemId).status(204).send();
}
