using Microsoft.Data.Sqlite;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>One SQL statement prepared once on a connection and run many times with positional parameters $p0, $p1...</summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedStatement(SqliteConnection connection, string sql, int parameterCount)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++) _parameters[i] = _command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        _command.Prepare();
    }

    public int Execute(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return _command.ExecuteNonQuery();
    }

    public SqliteDataReader Query(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return _command.ExecuteReader();
    }

    public object? Scalar(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        var value = _command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private void Bind(ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length) throw new ArgumentException($"Expected {_parameters.Length} values for: {_command.CommandText}");
        for (var i = 0; i < values.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public void Dispose() => _command.Dispose();
}
