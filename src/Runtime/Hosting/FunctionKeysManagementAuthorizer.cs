using Microsoft.AspNetCore.Http;
using Serverless.Runtime.Hosting.Management;

namespace Serverless.Runtime.Hosting;

/// <summary>Admits management API calls that carry the system key or the master key, as the Functions host does.</summary>
public sealed class FunctionKeysManagementAuthorizer(FunctionKeys keys) : IManagementApiAuthorizer
{
    public bool IsAuthorized(HttpRequest request) => keys.Allows(AuthorizationLevel.System, HttpFunctionEndpoints.PresentedKey(request));
}
