using System.Data.Common;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LtcInsurance.Infrastructure.Tenancy;

/// <summary>
/// Sets <c>ltc.tenant</c> at the start of every transaction an <see cref="LtcDbContext"/> begins or joins. SaveChanges
/// always runs in a transaction (the context sets AutoTransactionBehavior.Always), so every write is covered.
/// </summary>
public sealed class TenantTransactionInterceptor : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result)
    {
        TenantSession.SetForTransaction(connection, result, TenantOf(eventData.Context));
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection,
        TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await TenantSession.SetForTransactionAsync(connection, result, TenantOf(eventData.Context), cancellationToken);
        return result;
    }

    public override DbTransaction TransactionUsed(DbConnection connection, TransactionEventData eventData,
        DbTransaction result)
    {
        TenantSession.SetForTransaction(connection, result, TenantOf(eventData.Context));
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionUsedAsync(DbConnection connection,
        TransactionEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await TenantSession.SetForTransactionAsync(connection, result, TenantOf(eventData.Context), cancellationToken);
        return result;
    }

    internal static string? TenantOf(DbContext? context) => (context as LtcDbContext)?.CurrentTenantId;
}

/// <summary>
/// Covers commands that run outside a transaction (queries, ExecuteUpdate/ExecuteDelete, raw SQL), which in
/// PostgreSQL each run in their own implicit transaction:
/// <list type="bullet">
/// <item>a reader gets the set_config statement prepended to the same command. Npgsql sends the statements of one
/// command with a single Sync, so PostgreSQL runs them in one implicit transaction and the setting holds for the
/// query and ends with it. The set_config result set is skipped before EF reads.</item>
/// <item>a non-query or scalar command is executed inside a short transaction that first sets the tenant (prepending
/// would disturb the affected-row count or the scalar).</item>
/// </list>
/// </summary>
public sealed class TenantCommandInterceptor : DbCommandInterceptor
{
    private const string Marker = "/* ltc.tenant */ ";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        PrependTenant(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        PrependTenant(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (IsPrepended(command))
            result.NextResult();
        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command,
        CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (IsPrepended(command))
            await result.NextResultAsync(cancellationToken);
        return result;
    }

    // Non-query and scalar commands (ExecuteUpdate, ExecuteDelete, ExecuteSql) outside a transaction run in a short one
    // that sets the tenant first: prepending a statement would distort the affected-row count or the scalar.
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result) =>
        InTenantTransaction(command, eventData, result, command.ExecuteNonQuery);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        InTenantTransactionAsync(command, eventData, result, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result) =>
        InTenantTransaction(command, eventData, result, () => command.ExecuteScalar()!);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        InTenantTransactionAsync(command, eventData, result, async () => (await command.ExecuteScalarAsync(cancellationToken))!, cancellationToken);

    private static InterceptionResult<T> InTenantTransaction<T>(DbCommand command, CommandEventData eventData,
        InterceptionResult<T> result, Func<T> execute)
    {
        if (result.HasResult || command.Transaction is not null || eventData.Context is not LtcDbContext context)
            return result;
        using var transaction = command.Connection!.BeginTransaction();
        TenantSession.SetForTransaction(command.Connection, transaction, context.CurrentTenantId);
        command.Transaction = transaction;
        try
        {
            var value = execute();
            transaction.Commit();
            return InterceptionResult<T>.SuppressWithResult(value);
        }
        finally
        {
            command.Transaction = null;
        }
    }

    private static async ValueTask<InterceptionResult<T>> InTenantTransactionAsync<T>(DbCommand command,
        CommandEventData eventData, InterceptionResult<T> result, Func<Task<T>> execute, CancellationToken cancellationToken)
    {
        if (result.HasResult || command.Transaction is not null || eventData.Context is not LtcDbContext context)
            return result;
        await using var transaction = await command.Connection!.BeginTransactionAsync(cancellationToken);
        await TenantSession.SetForTransactionAsync(command.Connection, transaction, context.CurrentTenantId, cancellationToken);
        command.Transaction = transaction;
        try
        {
            var value = await execute();
            await transaction.CommitAsync(cancellationToken);
            return InterceptionResult<T>.SuppressWithResult(value);
        }
        finally
        {
            command.Transaction = null;
        }
    }

    private static void PrependTenant(DbCommand command, CommandEventData eventData)
    {
        // Inside a transaction the tenant was set when it began (TenantTransactionInterceptor).
        if (command.Transaction is not null || eventData.Context is not LtcDbContext context)
            return;
        if (eventData.CommandSource == CommandSource.SaveChanges)
        {
            // Npgsql's update pipeline counts rows per statement: an extra statement would corrupt that.
            throw new InvalidOperationException(
                "SaveChanges ran outside a transaction, so the tenant could not be set; keep AutoTransactionBehavior.Always.");
        }

        command.CommandText = Marker + TenantSession.SetLocalSql(context.CurrentTenantId) + ";\n" + command.CommandText;
    }

    private static bool IsPrepended(DbCommand command) => command.CommandText.StartsWith(Marker, StringComparison.Ordinal);
}
