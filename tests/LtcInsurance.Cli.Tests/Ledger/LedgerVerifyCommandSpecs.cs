using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Cli.Ledger;
using LtcInsurance.Domain.Ledger;
using static LtcInsurance.Domain.Tests.Ledger.LedgerFixtures;

namespace LtcInsurance.Domain.Tests.Ledger;

public class LedgerVerifyCommandSpecs
{
    /// <summary>Answers the verification request from entries in memory, as the handler answers it from the database.</summary>
    private sealed class InMemoryVerifier(IEnumerable<JournalEntry> entries) : ISender
    {
        public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) =>
            request is VerifyLedgerQuery
                ? Task.FromResult((TResponse)(object)ChainVerifier.Verify(Tenant, entries))
                : throw new NotSupportedException(request.GetType().Name);
    }

    private static TenantBooks Books()
    {
        var books = NewBooks();
        books.Post(Contribution("c1", 12m, D(2027, 1, 5)), Noon);
        books.Post(Contribution("c2", 12m, D(2027, 1, 6)), Noon);
        return books;
    }

    [Fact]
    public async Task Verify_exits_zero_and_says_so_in_both_languages_when_intact()
    {
        var output = new StringWriter();
        var code = await LedgerVerifyCommand.RunAsync(Tenant, new InMemoryVerifier(Books().Entries), output);
        Assert.Equal(0, code);
        Assert.Contains("账簿校验通过 / ledger verified", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 entries", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_exits_one_and_names_the_first_bad_entry()
    {
        var entries = Books().Entries.ToList();
        entries[1] = Tamper.With(entries[1], description: "改");
        var output = new StringWriter();
        var code = await LedgerVerifyCommand.RunAsync(Tenant, new InMemoryVerifier(entries), output);
        Assert.Equal(1, code);
        Assert.Contains("first bad entry #2", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--connection Host=127.0.0.1")]
    [InlineData("--tenant yulin --bogus")]
    [InlineData("--tenant")]
    public async Task Verify_without_a_tenant_or_with_an_unknown_argument_is_a_usage_error(string commandLine)
    {
        var error = new StringWriter();
        Assert.Equal(64, await LedgerVerifyCommand.RunAsync(commandLine.Split(' '), new StringWriter(), error));
        Assert.Contains("ltc ledger verify", error.ToString(), StringComparison.Ordinal);
    }
}
