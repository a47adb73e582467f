// Audit events are only ever created: no statement of the API sets, merges or
// deletes one. A null actor (anonymous) or code (accepted) is simply not stored.
CREATE (:AuditEvent {id: $id, requestId: $requestId, actor: $actor, operation: $operation,
                     target: $target, at: $at, result: $result, code: $code})
