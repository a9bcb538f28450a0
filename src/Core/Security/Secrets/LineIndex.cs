namespace Serverless.Core.Security.Secrets;

/// <summary>Turns a character offset into a 1-based line and column.</summary>
internal sealed class LineIndex
{
    private readonly List<int> lineStarts = [0];

    public LineIndex(string content)
    {
        for (var i = content.IndexOf('\n'); i >= 0; i = content.IndexOf('\n', i + 1))
        {
            lineStarts.Add(i + 1);
        }
    }

    public (int Line, int Column) Locate(int index)
    {
        var found = lineStarts.BinarySearch(index);
        var line = found >= 0 ? found : ~found - 1;
        return (line + 1, index - lineStarts[line] + 1);
    }
}
