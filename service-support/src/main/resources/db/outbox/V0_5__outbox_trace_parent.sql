-- The trace an event was written in (a W3C traceparent), so that the relay's send and every consumer of the
-- event join the trace of the request or event that caused it. Null when tracing is off.
alter table outbox_event add column trace_parent varchar(55);
