using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary>
/// Stops nesting before YamlDotNet's recursive loader can overflow the stack (which would kill the process), and
/// remembers where it was so failures without a position still get one.
/// </summary>
internal sealed class GuardedParser(IParser inner) : IParser
{
    public const int MaxDepth = 32;

    private int depth;

    public ParsingEvent? Current => inner.Current;

    public Mark LastPosition { get; private set; } = new(0, 1, 1);

    public bool MoveNext()
    {
        if (!inner.MoveNext())
            return false;
        if (inner.Current is { } current)
        {
            LastPosition = current.Start;
            if (current is MappingStart or SequenceStart && ++depth > MaxDepth)
                throw new YamlException(current.Start, current.End, $"nesting is deeper than {MaxDepth} levels");
            if (current is MappingEnd or SequenceEnd)
                depth--;
        }
        return true;
    }
}
