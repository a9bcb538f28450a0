using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// Recently used histories, so locking an instance whose history only grew through this process needs no re-read.
/// An entry is valid only while the instance row still carries its etag: every history write sets a fresh random
/// etag, so a change by another process (or a replaced or purged instance) simply misses.
/// </summary>
internal sealed class HistoryCache(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = [];

    /// <summary>The history at <paramref name="etag"/>, now owned by <paramref name="lockToken"/>; null on a miss.</summary>
    public HistoryEvent[]? TryTake(string instanceId, long etag, string lockToken)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(instanceId, out var node) || node.Value.Etag != etag) return null;
            node.Value.LockToken = lockToken;
            Touch(node);
            return [.. node.Value.Events];
        }
    }

    /// <summary>Remembers the history read for a lock.</summary>
    public void Put(string instanceId, long etag, string lockToken, IReadOnlyList<HistoryEvent> events)
    {
        if (capacity == 0) return;
        lock (_gate)
        {
            Remove(instanceId);
            var node = _recency.AddFirst(new Entry(instanceId, etag, [.. events]) { LockToken = lockToken });
            _entries[instanceId] = node;
            while (_entries.Count > capacity) Remove(_recency.Last!.Value.InstanceId);
        }
    }

    /// <summary>
    /// After the step locked with <paramref name="lockToken"/> wrote the history: appends (or replaces) so the entry
    /// matches the row's new etag. Only an entry that lock took or put is current, so any other is dropped.
    /// </summary>
    public void Written(string instanceId, string lockToken, long newEtag, bool replace, IReadOnlyList<HistoryEvent> newEvents, bool keep)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(instanceId, out var node)) return;
            if (!keep || node.Value.LockToken != lockToken)
            {
                Remove(instanceId);
                return;
            }
            if (replace) node.Value.Events.Clear();
            node.Value.Events.AddRange(newEvents);
            node.Value.Etag = newEtag;
            node.Value.LockToken = null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _recency.Clear();
        }
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _recency.AddFirst(node);
    }

    private void Remove(string instanceId)
    {
        if (_entries.Remove(instanceId, out var node)) _recency.Remove(node);
    }

    private sealed class Entry(string instanceId, long etag, List<HistoryEvent> events)
    {
        public string InstanceId { get; } = instanceId;
        public long Etag { get; set; } = etag;
        public List<HistoryEvent> Events { get; } = events;
        public string? LockToken { get; set; }
    }
}
