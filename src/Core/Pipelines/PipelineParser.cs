using System.Globalization;
using System.Text;
using Serverless.Core.Pipelines.Parsing;
using YamlDotNet.Core;

namespace Serverless.Core.Pipelines;

/// <summary>Reads pipeline.yml strictly: any mistake fails the parse, and every mistake is reported with its line and field.</summary>
public static class PipelineParser
{
    public const string FileName = "pipeline.yml";
    public const int MaxFileBytes = 256 * 1024;

    public static PipelineParseResult Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var context = new ParseContext();
        var size = Encoding.UTF8.GetByteCount(yaml);
        if (size > MaxFileBytes)
        {
            context.Error(new Mark(0, 1, 1), "", string.Create(CultureInfo.InvariantCulture,
                $"the file is {size:N0} bytes; the limit is {MaxFileBytes / 1024} KiB ({MaxFileBytes:N0} bytes)"));
            return PipelineParseResult.Failure(context.Errors);
        }
        var root = YamlLoader.Load(yaml, context);
        var definition = root is null ? null : RootSection.Read(context, root);
        return definition is null || context.HasErrors
            ? PipelineParseResult.Failure(context.Errors)
            : PipelineParseResult.Success(definition);
    }
}
