/* queue_redis_lua.h - the Lua scripts that make each Redis queue transition
 * atomic (EVAL runs a script without interleaving). Key and argument layout
 * is documented over each script; queue_redis.c is the only user.
 * Keys: <p>:jobs (stream, group "workers"), <p>:job:<id> (hash),
 * <p>:dead (dead-letter stream), <p>:finished (zset id -> finished_at);
 * progress and state changes are PUBLISHed on <p>:events as JSON.
 */
#ifndef F5_QUEUE_REDIS_LUA_H
#define F5_QUEUE_REDIS_LUA_H

/* KEYS: stream, hash. ARGV: max_queued, group, id, sync(0/1), ttl_s, field, value...
 * Returns 1 accepted, 0 queue full, 2 already there (a retried push). */
static const char LUA_PUSH[] =
    "local function pending()\n"
    "  local ok, p = pcall(redis.call, 'XPENDING', KEYS[1], ARGV[2])\n"
    "  if not ok then redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[2], '0', 'MKSTREAM'); return 0 end\n"
    "  return p[1]\n"
    "end\n"
    "if redis.call('EXISTS', KEYS[2]) == 1 then return 2 end\n"
    "local maxq = tonumber(ARGV[1])\n"
    "local depth = redis.call('XLEN', KEYS[1]) - pending()\n"
    "if maxq > 0 and depth >= maxq then return 0 end\n"
    "redis.call('HSET', KEYS[2], unpack(ARGV, 6))\n"
    "local e = ''\n"
    "if ARGV[4] == '0' then e = redis.call('XADD', KEYS[1], '*', 'id', ARGV[3]) end\n"
    "redis.call('HSET', KEYS[2], 'entry', e)\n"
    "redis.call('EXPIRE', KEYS[2], ARGV[5])\n"
    "return 1\n";

/* KEYS: hash, stream, dead, finished. ARGV: entry ('' = node-local sync job),
 * group, now, max_attempts, reclaim(0/1), consumer, id, channel.
 * Returns the job hash (HGETALL) when claimed; 0 skipped (cancelled,
 * finished, stale entry or gone: the entry is acknowledged and deleted);
 * 1 dead-lettered (retry limit reached). */
static const char LUA_CLAIM[] =
    "local e = ARGV[1]\n"
    "local function drop()\n"
    "  if e ~= '' then redis.call('XACK', KEYS[2], ARGV[2], e); redis.call('XDEL', KEYS[2], e) end\n"
    "end\n"
    "local h = redis.call('HMGET', KEYS[1], 'state', 'attempts', 'entry')\n"
    "local st = h[1]\n"
    "if not st then drop(); return 0 end\n"
    "if e ~= '' and h[3] ~= e then drop(); return 0 end\n"
    "if not (st == 'queued' or (st == 'running' and ARGV[5] == '1')) then drop(); return 0 end\n"
    "local att = tonumber(h[2] or '0') or 0\n"
    "if ARGV[5] == '1' and att >= tonumber(ARGV[4]) then\n"
    "  local msg = 'job was claimed ' .. att .. ' times and its worker stopped each time (crashed, killed or cut off '"
    " .. 'from Redis); retry limit ' .. ARGV[4] .. ' reached, moved to the dead-letter stream ' .. KEYS[3]\n"
    "  redis.call('HSET', KEYS[1], 'state', 'failed', 'finished_at', ARGV[3], 'error_code', 'retry_limit', "
    "'error_message', msg)\n"
    "  redis.call('XADD', KEYS[3], 'MAXLEN', '~', '10000', '*', 'id', ARGV[7], 'attempts', tostring(att), 'error', msg)\n"
    "  redis.call('ZADD', KEYS[4], ARGV[3], ARGV[7])\n"
    "  redis.call('PUBLISH', ARGV[8], cjson.encode({id = ARGV[7], state = 'failed'}))\n"
    "  drop()\n"
    "  return 1\n"
    "end\n"
    "redis.call('HSET', KEYS[1], 'state', 'running', 'started_at', ARGV[3], 'progress', '0', 'worker', ARGV[6])\n"
    "redis.call('HINCRBY', KEYS[1], 'attempts', 1)\n"
    "redis.call('PUBLISH', ARGV[8], cjson.encode({id = ARGV[7], state = 'running', progress = 0}))\n"
    "return redis.call('HGETALL', KEYS[1])\n";

/* KEYS: hash, stream, finished. ARGV: group, finished_at, ttl_s, id, channel,
 * state, field, value... The first terminal state wins: a job finished twice
 * (reclaimed while its first worker was only slow) keeps one result.
 * Returns 1 recorded, 0 already terminal, -1 no such job. */
static const char LUA_FINISH[] =
    "local h = redis.call('HMGET', KEYS[1], 'state', 'entry')\n"
    "if not h[1] then return -1 end\n"
    "local e = h[2]\n"
    "if e and e ~= '' then redis.call('XACK', KEYS[2], ARGV[1], e); redis.call('XDEL', KEYS[2], e) end\n"
    "if h[1] == 'succeeded' or h[1] == 'failed' or h[1] == 'cancelled' then return 0 end\n"
    "redis.call('HSET', KEYS[1], unpack(ARGV, 7))\n"
    "redis.call('ZADD', KEYS[3], ARGV[2], ARGV[4])\n"
    "redis.call('EXPIRE', KEYS[1], ARGV[3])\n"
    "redis.call('PUBLISH', ARGV[5], cjson.encode({id = ARGV[4], state = ARGV[6]}))\n"
    "return 1\n";

/* KEYS: hash, stream, finished. ARGV: group, now, id, channel, ttl_s.
 * Returns 1 cancelled, 0 not queued, -1 no such job. */
static const char LUA_CANCEL[] =
    "local h = redis.call('HMGET', KEYS[1], 'state', 'entry')\n"
    "if not h[1] then return -1 end\n"
    "if h[1] ~= 'queued' then return 0 end\n"
    "redis.call('HSET', KEYS[1], 'state', 'cancelled', 'finished_at', ARGV[2], 'error_code', 'cancelled', "
    "'error_message', 'cancelled by the client')\n"
    "if h[2] and h[2] ~= '' then redis.call('XACK', KEYS[2], ARGV[1], h[2]); redis.call('XDEL', KEYS[2], h[2]) end\n"
    "redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])\n"
    "redis.call('EXPIRE', KEYS[1], ARGV[5])\n"
    "redis.call('PUBLISH', ARGV[4], cjson.encode({id = ARGV[3], state = 'cancelled'}))\n"
    "return 1\n";

/* KEYS: hash, stream. ARGV: group, id, channel. Running -> queued with a new
 * stream entry (async) or none (a node-local sync job). Returns 1 or 0. */
static const char LUA_REQUEUE[] =
    "local h = redis.call('HMGET', KEYS[1], 'state', 'entry', 'sync')\n"
    "if h[1] ~= 'running' then return 0 end\n"
    "if h[2] and h[2] ~= '' then redis.call('XACK', KEYS[2], ARGV[1], h[2]); redis.call('XDEL', KEYS[2], h[2]) end\n"
    "local e = ''\n"
    "if h[3] ~= '1' then e = redis.call('XADD', KEYS[2], '*', 'id', ARGV[2]) end\n"
    "redis.call('HSET', KEYS[1], 'state', 'queued', 'progress', '0', 'started_at', '0', 'entry', e)\n"
    "redis.call('PUBLISH', ARGV[3], cjson.encode({id = ARGV[2], state = 'queued'}))\n"
    "return 1\n";

/* KEYS: hash, stream. ARGV: progress, id, channel, group, consumer. Only a
 * running job moves. Doubles as the worker's heartbeat: its stream entry is
 * re-claimed by the same consumer (XCLAIM 0 JUSTID resets the idle time), so
 * a slow but live job is never taken over after the visibility timeout. */
static const char LUA_PROGRESS[] =
    "local h = redis.call('HMGET', KEYS[1], 'state', 'entry')\n"
    "if h[1] ~= 'running' then return 0 end\n"
    "redis.call('HSET', KEYS[1], 'progress', ARGV[1])\n"
    "if h[2] and h[2] ~= '' then redis.call('XCLAIM', KEYS[2], ARGV[4], ARGV[5], 0, h[2], 'JUSTID') end\n"
    "redis.call('PUBLISH', ARGV[3], cjson.encode({id = ARGV[2], state = 'running', progress = tonumber(ARGV[1])}))\n"
    "return 1\n";

/* KEYS: hash. ARGV: ref_key. Sets the field only on a job that still exists. */
static const char LUA_CLEAR_REF[] =
    "if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end\n"
    "redis.call('HSET', KEYS[1], 'ref_key', ARGV[1])\n"
    "return 1\n";

/* KEYS: hash. Clears result_key and ref_key of a job that still exists. */
static const char LUA_CLEAR_BLOBS[] =
    "if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end\n"
    "redis.call('HSET', KEYS[1], 'ref_key', '', 'result_key', '')\n"
    "return 1\n";

/* KEYS: the owner's set of job ids (<p>:owner:<owner>). ARGV: hash key
 * prefix (<p>:job:). Counts the members still queued or running and drops
 * the others (finished, expired), so the set needs no upkeep elsewhere. */
static const char LUA_COUNT_ACTIVE[] =
    "local n = 0\n"
    "for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do\n"
    "  local st = redis.call('HGET', ARGV[1] .. id, 'state')\n"
    "  if st == 'queued' or st == 'running' then n = n + 1 else redis.call('SREM', KEYS[1], id) end\n"
    "end\n"
    "return n\n";

#endif
