namespace Serverless.Core.Integrations.Local.Runner;

/// <summary>A checkout failed. The message carries git's own error; no credentials from the clone URL.</summary>
public sealed class CheckoutException : Exception
{
    public CheckoutException(string message, string repository, string commitSha)
        : base(message)
    {
        Repository = repository;
        CommitSha = commitSha;
    }

    /// <summary>The clone URL without user name or password.</summary>
    public string Repository { get; }

    public string CommitSha { get; }
}
