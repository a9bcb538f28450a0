using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local;
using Serverless.Core.Integrations.Local.Runner;
using Serverless.Core.Integrations.Local.Target;
using Serverless.Testing.Local;

namespace Serverless.Core.Tests.Local;

public sealed class LocalDeliveryRegistrationTests : IDisposable
{
    private readonly TempDirectory _data = new("registration");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Settings_add_to_the_default_ports_and_the_data_directory_holds_artifacts_and_target_state()
    {
        var configuration = Configuration(new() { ["LocalTarget:Ports:dev"] = "9101", ["LocalTarget:Ports:qa"] = "9104" });

        await using var services = new ServiceCollection().AddLocalDelivery(configuration, _data.Path).BuildServiceProvider();

        var store = Assert.IsType<FileArtifactStore>(services.GetRequiredService<IArtifactStore>());
        Assert.Equal(Path.Combine(_data.Path, "artifacts"), store.RootDirectory);
        Assert.NotNull(services.GetRequiredService<LocalRunner>());
        var ports = services.GetRequiredService<LocalTarget>().GetState().Environments.ToDictionary(e => e.Environment, e => e.PublicPort);
        Assert.Equal(new Dictionary<string, int> { ["dev"] = 9101, ["production"] = 8083, ["qa"] = 9104, ["staging"] = 8082 }, ports);
        Assert.Contains(services.GetServices<IHostedService>(), s => s.GetType().Name == "LocalTargetHostedService");
        Assert.True(Directory.Exists(Path.Combine(_data.Path, "local-target")));
    }

    [Fact]
    public void Invalid_settings_fail_at_start_up_with_every_bad_field_named()
    {
        var configuration = Configuration(new()
        {
            ["LocalRunner:TailLines"] = "-1",
            ["LocalTarget:Ports:staging"] = "8081",
            ["LocalTarget:Router:ProxyTimeout"] = "00:00:00",
        });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLocalDelivery(configuration, _data.Path));

        Assert.Contains("LocalRunner:TailLines", error.Message, StringComparison.Ordinal);
        Assert.Contains("port 8081 is given to more than one environment (dev, staging)", error.Message, StringComparison.Ordinal);
        Assert.Contains("LocalTarget:Router:ProxyTimeout", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
