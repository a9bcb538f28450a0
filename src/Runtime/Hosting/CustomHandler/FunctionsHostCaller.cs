using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>Tells whether a request came from the Azure Functions host that runs this app as its custom handler.</summary>
public static class FunctionsHostCaller
{
    // The Functions host checks callers against its own function keys (which this process never sees) and then
    // forwards over loopback to FUNCTIONS_CUSTOMHANDLER_PORT, where we listen on localhost only. So in custom-handler
    // mode a loopback caller is that host (or another process in the same sandbox, which could call the host's port
    // just as well); a request from anywhere else, which a misconfigured listener could let in, keeps our key check.
    public static bool IsFunctionsHost(HttpContext http) =>
        http.RequestServices.GetService<FunctionsHostOptions>() is { IsCustomHandler: true }
        && http.Connection.RemoteIpAddress is { } remote
        && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
}
