namespace Serverless.Core.Pipelines.Parsing;

/// <summary>Paths from pipeline.yml are joined to a checkout, so they must not climb out of it.</summary>
internal static class RepositoryPath
{
    public static bool IsInside(string path)
    {
        if (path.StartsWith('/') || path.StartsWith('\\') || path.StartsWith('~') || (path.Length >= 2 && path[1] == ':'))
            return false;
        return !path.Split('/', '\\').Contains("..") && !path.Any(char.IsControl);
    }
}
