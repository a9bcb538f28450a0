using Microsoft.Extensions.Configuration;
using Serverless.Functions.Operations.Health;

namespace Serverless.Functions.Tests.Operations.Health;

public sealed class HealthSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_probe_health_for_ten_seconds_and_roll_back_after_five_minutes()
    {
        var settings = HealthSettings.From(Settings());

        Assert.Equal(("/health", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5)), (settings.Path, settings.Timeout, settings.RollbackGrace));
        Assert.True(settings.IsCritical("production", "api"));
    }

    [Fact]
    public void Non_critical_services_are_named_alone_or_with_their_environment()
    {
        var settings = HealthSettings.From(Settings((HealthSettings.NonCriticalSetting, "docs, staging/api")));

        Assert.False(settings.IsCritical("production", "docs"));
        Assert.False(settings.IsCritical("staging", "api"));
        Assert.True(settings.IsCritical("production", "api"));
    }

    [Fact]
    public void Every_bad_setting_is_named_in_one_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HealthSettings.From(Settings(
            (HealthSettings.PathSetting, "health"), (HealthSettings.TimeoutSetting, "soon"), (HealthSettings.GraceSetting, "-00:01:00"))));

        Assert.Contains(HealthSettings.PathSetting, error.Message);
        Assert.Contains(HealthSettings.TimeoutSetting, error.Message);
        Assert.Contains(HealthSettings.GraceSetting, error.Message);
    }
}
