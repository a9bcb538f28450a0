using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;

namespace Serverless.Core.Integrations.Local.Routing;

/// <summary>
/// The routes of one router, replaced whole on every change. The default service answers at '/'; any service is
/// also reachable under its own name as the first path segment (<c>/user-service/health</c> → <c>/health</c>).
/// </summary>
internal sealed record RouteSet(ImmutableDictionary<string, RouteSelector> Services, string? DefaultService)
{
    public static readonly RouteSet Empty = new(ImmutableDictionary.Create<string, RouteSelector>(StringComparer.Ordinal), null);

    public RouteSet With(string service, RouteTable table) =>
        new(Services.SetItem(service, new RouteSelector(table)), DefaultService ?? service);

    public RouteSet Without(string service)
    {
        var services = Services.Remove(service);
        var defaultService = DefaultService == service ? services.Keys.Order(StringComparer.Ordinal).FirstOrDefault() : DefaultService;
        return new RouteSet(services, defaultService);
    }

    public (string Service, RouteSelector Selector, PathString Path, string? StrippedPrefix)? Resolve(PathString path)
    {
        var value = path.Value ?? string.Empty;
        if (value.Length > 1)
        {
            var end = value.IndexOf('/', 1);
            var first = end < 0 ? value[1..] : value[1..end];
            if (Services.TryGetValue(first, out var named))
            {
                return (first, named, end < 0 ? new PathString("/") : new PathString(value[end..]), "/" + first);
            }
        }

        return DefaultService is { } service && Services.TryGetValue(service, out var selector)
            ? (service, selector, path.HasValue ? path : new PathString("/"), null)
            : null;
    }
}
