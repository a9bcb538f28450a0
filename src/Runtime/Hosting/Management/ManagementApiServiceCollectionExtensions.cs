using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Serverless.Runtime.Hosting.Management;

public static class ManagementApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DurableManagementApiOptions"/>, validated when the host starts with one message naming every
    /// bad field. Without this call the API runs on the defaults.
    /// </summary>
    public static IServiceCollection AddDurableTaskManagementApi(this IServiceCollection services, Action<DurableManagementApiOptions>? configure = null)
    {
        var builder = services.AddOptions<DurableManagementApiOptions>();
        if (configure is not null) builder.Configure(configure);
        services.AddSingleton<IValidateOptions<DurableManagementApiOptions>, ValidateManagementApiOptions>();
        builder.ValidateOnStart();
        return services;
    }

    private sealed class ValidateManagementApiOptions : IValidateOptions<DurableManagementApiOptions>
    {
        public ValidateOptionsResult Validate(string? name, DurableManagementApiOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Invalid durable management API settings: " + string.Join(" ", errors));
        }
    }
}
