namespace Serverless.Core.Pipelines;

/// <summary>One problem in pipeline.yml, at a 1-based line and column, naming the field by its path.</summary>
/// <param name="Path">Like <c>environments.production.canary.steps[1]</c>; empty for problems with the file as a whole.</param>
public sealed record PipelineError(int Line, int Column, string Path, string Message)
{
    /// <summary>As compilers print it: <c>pipeline.yml:12:5: environments.production.canary.steps[1]: must be greater than 10</c>.</summary>
    public override string ToString() =>
        Path.Length == 0
            ? $"{PipelineParser.FileName}:{Line}:{Column}: {Message}"
            : $"{PipelineParser.FileName}:{Line}:{Column}: {Path}: {Message}";
}
