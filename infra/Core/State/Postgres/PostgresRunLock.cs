using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace BirdInfra.State.Postgres;

/// <summary>
/// A stack's run lock in PostgreSQL: a session-level advisory lock on a connection held open for the run, plus the row
/// that names the holder. Disposing deletes the row and releases the lock; a process that dies never disposes it, and
/// PostgreSQL releases the lock when it ends the dead session (the row is then overwritten by the next holder).
/// </summary>
public sealed class PostgresRunLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _schema;
    private readonly string _stack;
    private readonly long _key;

    internal PostgresRunLock(NpgsqlConnection connection, string schema, string stack, long key)
    {
        _connection = connection;
        _schema = schema;
        _stack = stack;
        _key = key;
    }

    /// <summary>The advisory-lock key of a stack: 64 bits of SHA-256 over schema and stack, the same in every process.</summary>
    public static long Key(string schema, string stack) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"birdinfra:{schema}:{stack}")));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using (var row = _connection.CreateCommand())
            {
                row.CommandText = $"DELETE FROM \"{_schema}\".locks WHERE stack = @stack";
                row.Parameters.AddWithValue("stack", _stack);
                await row.ExecuteNonQueryAsync();
            }

            await using var unlock = _connection.CreateCommand();
            unlock.CommandText = "SELECT pg_advisory_unlock(@key)";
            unlock.Parameters.AddWithValue("key", _key);
            await unlock.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The server went away: the session ended, and with it the lock.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
