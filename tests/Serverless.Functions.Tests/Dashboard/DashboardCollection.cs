namespace Serverless.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard's browser tests share one function app and one Chromium, and run one after another: they drive
/// real pipelines on the same host, and two cores are plenty busy with the rest of the suite.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
