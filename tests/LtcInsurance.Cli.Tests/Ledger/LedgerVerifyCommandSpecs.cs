using LtcInsurance.Application.Ledger;
using LtcInsurance.Cli.Ledger;
using LtcInsurance.Domain.Ledger;
using static LtcInsurance.Domain.Tests.Ledger.LedgerFixtures;

namespace LtcInsurance.Domain.Tests.Ledger;

public class LedgerVerifyCommandSpecs
{
    private sealed class InMemoryVerifier(IEnumerable<JournalEntry> entries) : ILedgerVerifier
    {
        public Task<VerificationResult> VerifyAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(ChainVerifier.Verify(Tenant, entries));
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
