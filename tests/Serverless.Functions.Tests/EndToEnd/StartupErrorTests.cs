using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.EndToEnd;

/// <summary>A setting the host cannot use stops it at start with one readable line and exit code 1, not a stack trace.</summary>
public sealed class StartupErrorTests
{
    [Theory]
    [InlineData("PIPELINES_USERS", "alice=short", "The host cannot start: PIPELINES_USERS: the key of alice is shorter than 24 characters")]
    [InlineData("PIPELINES_WEBHOOK_MAX_BYTES", "lots", "The host cannot start: PIPELINES_WEBHOOK_MAX_BYTES must be a positive whole number of bytes (was 'lots').")]
    [InlineData("AzureWebJobs.Checkout.Disabled", "true", "The host cannot start: AzureWebJobs.Checkout.Disabled: Checkout is an activity; only HTTP and timer functions can be disabled")]
    [InlineData("AzureWebJobs.HealthCheckTimer.Disabled", "maybe", "The host cannot start: AzureWebJobs.HealthCheckTimer.Disabled: 'maybe' is not true, false, 1 or 0.")]
    public async Task A_bad_setting_stops_the_host_with_the_reason(string setting, string value, string message)
    {
        using var data = new TempDirectory("startup-error");

        var (exitCode, output) = await FunctionsHostProcess.RunToExitAsync(FreePort.Next(), new Dictionary<string, string>
        {
            ["PIPELINES_DATA_DIR"] = data.Path,
            [setting] = value,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Host listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_stops_the_host_with_the_reason_and_how_to_choose_another()
    {
        using var data = new TempDirectory("startup-port");
        var port = FreePort.Next();
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        holder.Start();

        var (exitCode, output) = await FunctionsHostProcess.RunToExitAsync(port, new Dictionary<string, string> { ["PIPELINES_DATA_DIR"] = data.Path });

        Assert.Equal(1, exitCode);
        Assert.Contains($"The host cannot start: port {port} is in use. Is another host running?", output, StringComparison.Ordinal);
        Assert.Contains($"--port {port + 1}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_host_on_the_same_data_folder_stops_before_touching_anything_and_the_first_keeps_serving()
    {
        using var data = new TempDirectory("startup-two-hosts");
        var settings = new Dictionary<string, string> { ["PIPELINES_DATA_DIR"] = data.Path };
        await using var first = await FunctionsHostProcess.StartAsync(FreePort.Next(), settings);

        var (exitCode, output) = await FunctionsHostProcess.RunToExitAsync(FreePort.Next(), settings);

        Assert.Equal(1, exitCode);
        Assert.Contains($"The host cannot start: another host is running on the data folder {data.Path}. Stop it, or give this one its own folder with PIPELINES_DATA_DIR.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Timer function", output, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(first.BaseUrl, "api/status"))).StatusCode);
    }
}
