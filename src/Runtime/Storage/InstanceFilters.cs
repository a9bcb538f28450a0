using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Storage;

/// <summary>The meaning of <see cref="InstanceQuery"/> and <see cref="PurgeFilter"/> for stores that filter in memory.</summary>
internal static class InstanceFilters
{
    public static bool Matches(InstanceRecord record, InstanceQuery query) =>
        (query.CreatedFrom is not { } from || record.CreatedAt >= from)
        && (query.CreatedTo is not { } to || record.CreatedAt <= to)
        && (query.Statuses is not { Count: > 0 } statuses || statuses.Contains(record.Status))
        && (string.IsNullOrEmpty(query.InstanceIdPrefix) || record.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal))
        && (query.Names is not { Count: > 0 } names || names.Contains(record.Name, StringComparer.Ordinal));

    public static bool Matches(InstanceRecord record, PurgeFilter filter) =>
        record.Status.IsTerminal()
        && (filter.CreatedFrom is not { } from || record.CreatedAt >= from)
        && (filter.CreatedTo is not { } to || record.CreatedAt <= to)
        && (filter.Statuses is not { Count: > 0 } statuses || statuses.Contains(record.Status))
        && (filter.CompletedBefore is not { } before || (record.CompletedAt is { } completed && completed <= before));
}
