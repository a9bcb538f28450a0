namespace Serverless.Core.Integrations.Local.Routing;

/// <summary>The most recent requests in a fixed-size ring; older ones fall off.</summary>
internal sealed class RequestLog(int capacity)
{
    private readonly RequestRecord[] _records = new RequestRecord[capacity];
    private readonly Lock _gate = new();
    private int _next;
    private int _count;

    public void Add(RequestRecord record)
    {
        lock (_gate)
        {
            _records[_next] = record;
            _next = (_next + 1) % _records.Length;
            _count = Math.Min(_count + 1, _records.Length);
        }
    }

    /// <summary>Records at or after <paramref name="since"/>, oldest first.</summary>
    public List<RequestRecord> Since(DateTimeOffset since)
    {
        lock (_gate)
        {
            var result = new List<RequestRecord>();
            for (var i = 0; i < _count; i++)
            {
                var record = _records[(_next - _count + i + _records.Length) % _records.Length];
                if (record.Timestamp >= since)
                {
                    result.Add(record);
                }
            }

            return result;
        }
    }
}
