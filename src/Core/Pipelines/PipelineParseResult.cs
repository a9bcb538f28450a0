using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Serverless.Core.Pipelines;

/// <summary>Either the definition (no errors) or every error found, ordered by line and column.</summary>
public sealed record PipelineParseResult
{
    public PipelineDefinition? Definition { get; init; }
    public IReadOnlyList<PipelineError> Errors { get; init; } = [];

    [JsonIgnore]
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition is not null;

    public static PipelineParseResult Success(PipelineDefinition definition) => new() { Definition = definition };

    public static PipelineParseResult Failure(IReadOnlyList<PipelineError> errors) => new() { Errors = errors };

    /// <summary>One error per line, as a user would read them.</summary>
    public override string ToString() =>
        Succeeded ? $"{PipelineParser.FileName}: ok ({Definition.Name})" : string.Join(Environment.NewLine, Errors);
}
