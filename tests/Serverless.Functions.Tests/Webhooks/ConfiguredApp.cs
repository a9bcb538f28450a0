using Serverless.Functions.Tests.Support;
using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.Webhooks;

/// <summary>The app with the corpus's repository (Codertocat/Hello-World) allowlisted, cloned from an empty local repository.</summary>
public sealed class ConfiguredApp : IAsyncLifetime
{
    private TempGitRepository? _repository;

    public FunctionsApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _repository = await TempGitRepository.CreateAsync();
        App = await FunctionsApp.StartAsync(new Dictionary<string, string>
        {
            ["PIPELINES_REPOSITORIES"] = $"{WebhookCorpus.Repository}={_repository.CloneUrl}",
        });
    }

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        _repository?.Dispose();
    }
}
