using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Serverless.Core.Integrations.GitHub;

public static class GitHubServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GitHubApiClient"/> as a typed HTTP client (also as <see cref="IGitHubCommitStatuses"/> and
    /// <see cref="IGitHubDeployments"/>) with options read once from <c>GITHUB_API_URL</c> and <c>GITHUB_TOKEN</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are invalid; the message names each one.</exception>
    public static IHttpClientBuilder AddGitHubApi(this IServiceCollection services, IConfiguration configuration)
    {
        var options = GitHubApiOptions.FromConfiguration(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddTransient<IGitHubCommitStatuses>(sp => sp.GetRequiredService<GitHubApiClient>());
        services.TryAddTransient<IGitHubDeployments>(sp => sp.GetRequiredService<GitHubApiClient>());
        var client = services
            .AddHttpClient(nameof(GitHubApiClient))
            .RedactLoggedHeaders(["Authorization"]);
        client.AddTypedClient((http, sp) => new GitHubApiClient(
            http, sp.GetRequiredService<GitHubApiOptions>(), sp.GetService<ILogger<GitHubApiClient>>(), sp.GetService<TimeProvider>()));
        return client;
    }
}
