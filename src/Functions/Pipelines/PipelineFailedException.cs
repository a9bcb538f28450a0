namespace Serverless.Functions.Pipelines;

/// <summary>A run stopped for a reason users must see (a failed check, an invalid pipeline.yml, an unhealthy version).</summary>
public sealed class PipelineFailedException(string reason) : Exception(reason);
