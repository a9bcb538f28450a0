using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Core.Integrations.GitHub;
using Serverless.Core.Tests.Integrations.GitHub.Support;
using Serverless.Testing.GitHub;

namespace Serverless.Core.Tests.Integrations.GitHub.Api;

public sealed class GitHubApiOptionsTests
{
    [Fact]
    public void Defaults()
    {
        var options = GitHubApiOptions.FromConfiguration(Configuration());

        Assert.Equal(new Uri("https://api.github.com"), options.BaseUrl);
        Assert.Null(options.Token);
        Assert.False(options.HasToken);
        Assert.Equal("serverless-pipelines", options.UserAgent);
        Assert.Equal(3, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxRetryDelay);
        Assert.Equal("2022-11-28", GitHubApiOptions.ApiVersion);
    }

    [Fact]
    public void Reads_the_api_url_and_token_settings()
    {
        var options = GitHubApiOptions.FromConfiguration(Configuration(("GITHUB_API_URL", "https://ghe.example.com/api/v3"), ("GITHUB_TOKEN", "ghs_abc")));

        Assert.Equal(new Uri("https://ghe.example.com/api/v3"), options.BaseUrl);
        Assert.Equal("ghs_abc", options.Token);
    }

    [Fact]
    public void Bad_settings_are_named_in_one_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            GitHubApiOptions.FromConfiguration(Configuration(("GITHUB_API_URL", "api.github.com"), ("GITHUB_TOKEN", "two words"))));

        Assert.Contains("GITHUB_API_URL", error.Message);
        Assert.Contains("GITHUB_TOKEN", error.Message);
        Assert.DoesNotContain("two words", error.Message);
    }

    [Fact]
    public void Validate_names_every_bad_field()
    {
        var errors = new GitHubApiOptions
        {
            BaseUrl = new Uri("ftp://example.com"),
            UserAgent = " ",
            MaxRetryAttempts = -1,
            RetryBaseDelay = TimeSpan.FromSeconds(-1),
            MaxRetryDelay = TimeSpan.FromSeconds(-1),
        }.Validate();

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("GITHUB_API_URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("UserAgent", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MaxRetryAttempts", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RetryBaseDelay", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MaxRetryDelay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_registered_client_talks_to_the_configured_api()
    {
        await using var fake = await FakeGitHubApi.StartAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddGitHubApi(Configuration(("GITHUB_API_URL", fake.BaseUrl.AbsoluteUri), ("GITHUB_TOKEN", fake.ExpectedToken)));
        await using var provider = services.BuildServiceProvider();

        var statuses = provider.GetRequiredService<IGitHubCommitStatuses>();
        var deployments = provider.GetRequiredService<IGitHubDeployments>();
        await statuses.CreateCommitStatusAsync("octo-org", "octo-repo", "6113728f27ae82c7b1a177c8d03f9e96e0adf246", CommitState.Success, "ci", null, null);
        await deployments.CreateDeploymentAsync("octo-org", "octo-repo", "main", "dev", null, null, false, false);

        Assert.Single(fake.CommitStatuses);
        Assert.Single(fake.Deployments);
    }

    [Fact]
    public async Task The_registered_client_keeps_the_token_out_of_every_log_even_at_trace()
    {
        await using var fake = await FakeGitHubApi.StartAsync();
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddGitHubApi(Configuration(("GITHUB_API_URL", fake.BaseUrl.AbsoluteUri), ("GITHUB_TOKEN", fake.ExpectedToken)));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IGitHubCommitStatuses>()
            .CreateCommitStatusAsync("octo-org", "octo-repo", "6113728f27ae82c7b1a177c8d03f9e96e0adf246", CommitState.Success, "ci", null, null);

        Assert.Contains("Authorization", logs.AllText);
        Assert.DoesNotContain(fake.ExpectedToken, logs.AllText);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
