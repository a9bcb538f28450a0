using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>
/// Admits requests that carry <see cref="DurableManagementApiOptions.SystemKey"/> as <c>?code=</c> or in the
/// <c>x-functions-key</c> header, as the Functions host admits system-level calls. Compared in constant time.
/// </summary>
public sealed class SystemKeyAuthorizer : IManagementApiAuthorizer
{
    public const string KeyHeaderName = "x-functions-key";

    private readonly byte[] _key;

    public SystemKeyAuthorizer(IOptions<DurableManagementApiOptions> options)
    {
        var key = options.Value.SystemKey;
        if (string.IsNullOrEmpty(key))
            throw new InvalidOperationException("SystemKeyAuthorizer needs DurableManagementApiOptions.SystemKey to be set.");
        _key = Encoding.UTF8.GetBytes(key);
    }

    public bool IsAuthorized(HttpRequest request)
    {
        var presented = request.Headers[KeyHeaderName].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key);
    }
}
