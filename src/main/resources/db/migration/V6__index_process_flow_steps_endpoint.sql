-- The connector builder refuses to delete an endpoint while a process flow step calls it; find those steps by endpoint.
CREATE INDEX process_flow_steps_endpoint ON process_flow_steps (endpoint_id);
