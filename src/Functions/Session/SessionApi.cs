using Microsoft.AspNetCore.Http;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Session;

/// <summary>
/// Who the caller is as the dashboard sees it: their name, whether the host vouches for it (a personal key) or only
/// repeats what the caller sent, and whether their key allows admin actions.
/// </summary>
public sealed class SessionApi(FunctionKeys keys)
{
    [Function("Session")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "session")] HttpRequest request) =>
        Results.Ok(new SessionView(
            ClientPrincipal.NameOf(request),
            keys.Users.Any,
            keys.Allows(AuthorizationLevel.Admin, HttpFunctionEndpoints.PresentedKey(request))));
}

/// <param name="Verified">True when names come from personal keys; false when the host trusts the name sent.</param>
public sealed record SessionView(string? Principal, bool Verified, bool Admin);
