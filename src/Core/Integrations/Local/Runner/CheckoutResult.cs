namespace Serverless.Core.Integrations.Local.Runner;

public enum CheckoutMethod
{
    /// <summary><c>git fetch --depth 1 origin &lt;sha&gt;</c>: only the one commit was transferred.</summary>
    ShallowFetch,

    /// <summary>The server refused to hand out a commit by id, so the whole repository was cloned.</summary>
    FullClone,
}

public sealed record CheckoutResult(string Workspace, string CommitSha, CheckoutMethod Method);
