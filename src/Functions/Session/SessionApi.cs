using Microsoft.AspNetCore.Http;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Session;

/// <summary>Who the caller is as the dashboard sees it: the approver name it sends, and whether its key is the master key.</summary>
public sealed class SessionApi(FunctionKeys keys)
{
    [Function("Session")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "session")] HttpRequest request) =>
        Results.Ok(new SessionView(
            CallerIdentity.NameOf(request),
            keys.Allows(AuthorizationLevel.Admin, HttpFunctionEndpoints.PresentedKey(request))));
}

public sealed record SessionView(string? Principal, bool Admin);
