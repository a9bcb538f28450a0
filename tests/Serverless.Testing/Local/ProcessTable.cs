namespace Serverless.Testing.Local;

/// <summary>Reads /proc to tell whether a process still runs (a zombie waiting for its reaper counts as gone).</summary>
public static class ProcessTable
{
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
