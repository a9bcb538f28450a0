using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Hosting.Management;

namespace Serverless.Runtime.Tests.Hosting.Management;

public sealed class DurableManagementApiOptionsTests
{
    [Fact]
    public void Defaults_are_the_published_hub_and_connection_names_and_no_key()
    {
        var options = new DurableManagementApiOptions();

        Assert.Equal("DurableFunctionsHub", options.HubName);
        Assert.Equal("Storage", options.ConnectionName);
        Assert.Null(options.SystemKey);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public async Task A_host_with_bad_settings_fails_to_start_with_one_message_naming_every_bad_field()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ManagementApiHost.StartAsync(
            services => services.AddDurableTaskManagementApi(o => { o.HubName = "my-hub"; o.ConnectionName = " "; o.SystemKey = ""; })));

        Assert.Contains("HubName", failure.Message);
        Assert.Contains("'my-hub'", failure.Message);
        Assert.Contains("ConnectionName", failure.Message);
        Assert.Contains("SystemKey", failure.Message);
    }

    [Theory]
    [InlineData("ab", false)]
    [InlineData("1hub", false)]
    [InlineData("Hub_1", false)]
    [InlineData("PipelinesHub", true)]
    [InlineData("abc", true)]
    public void Hub_names_follow_the_Durable_Functions_rules(string hubName, bool valid)
    {
        var options = new DurableManagementApiOptions { HubName = hubName };

        Assert.Equal(valid, options.Validate().Count == 0);
    }
}
