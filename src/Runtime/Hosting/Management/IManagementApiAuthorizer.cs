using Microsoft.AspNetCore.Http;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>
/// Decides who may call the management API. When one is registered in DI, requests it refuses get 401; when none is,
/// the API is open (as it is under Azure Functions Core Tools locally).
/// </summary>
public interface IManagementApiAuthorizer
{
    bool IsAuthorized(HttpRequest request);
}
