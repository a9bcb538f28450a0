using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Hosting.CustomHandler;

namespace Serverless.Runtime.Tests.Hosting.CustomHandler;

public sealed class CustomHandlerModeTests
{
    [Fact]
    public async Task Behind_the_functions_host_no_durable_timer_is_started()
    {
        await using var host = await CustomHandlerHost.StartAsync();

        Assert.Empty(await host.DurableTimersAsync());
        Assert.Empty(host.Calls.All);
    }

    [Fact]
    public async Task On_its_own_the_host_starts_a_durable_timer_per_timer_function()
    {
        await using var host = await CustomHandlerHost.StartAsync(asCustomHandler: false);

        Assert.Equal(["timer-EverySecond", "timer-Failing", "timer-Nightly"], (await host.DurableTimersAsync()).Select(t => t.InstanceId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Durable_timers_left_by_an_earlier_run_are_terminated_so_nothing_fires_twice()
    {
        string dataDirectory;
        await using (var standalone = await CustomHandlerHost.StartAsync(asCustomHandler: false))
            dataDirectory = standalone.DataDirectory;

        await using var host = await CustomHandlerHost.StartAsync(asCustomHandler: true, dataDirectory);

        var leftOver = await host.DurableTimersAsync();
        Assert.Equal(3, leftOver.Count);
        foreach (var timer in leftOver)
        {
            var finished = await host.Client.WaitForInstanceCompletionAsync(timer.InstanceId).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(OrchestrationRuntimeStatus.Terminated, finished.RuntimeStatus);
        }
    }

    [Fact]
    public async Task Forwarded_http_requests_are_not_refused_for_want_of_our_keys()
    {
        await using var behindHost = await CustomHandlerHost.StartAsync();
        await using var standalone = await CustomHandlerHost.StartAsync(asCustomHandler: false);

        using var forwarded = await behindHost.Http.PostAsync("/api/secret/7", null);
        using var direct = await standalone.Http.PostAsync("/api/secret/7", null);

        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Equal("secret 7", await forwarded.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);
    }

    [Theory]
    [InlineData(true, "127.0.0.1", true)]
    [InlineData(true, "::1", true)]
    [InlineData(true, "::ffff:127.0.0.1", true)]
    [InlineData(true, "10.0.0.4", false)]
    [InlineData(true, null, false)]
    [InlineData(false, "127.0.0.1", false)]
    public void Only_a_loopback_caller_in_custom_handler_mode_counts_as_the_functions_host(bool customHandler, string? remoteAddress, bool expected)
    {
        var options = new FunctionsHostOptions
        {
            Port = 7071,
            DataDirectory = "data",
            Store = "memory",
            HubName = "hub",
            Engine = new DurableTaskEngineOptions(),
            IsCustomHandler = customHandler,
        };
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddSingleton(options).BuildServiceProvider() };
        http.Connection.RemoteIpAddress = remoteAddress is null ? null : IPAddress.Parse(remoteAddress);

        Assert.Equal(expected, FunctionsHostCaller.IsFunctionsHost(http));
    }
}
