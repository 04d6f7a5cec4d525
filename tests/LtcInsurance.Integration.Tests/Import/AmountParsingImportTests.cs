using System.Text;
using LtcInsurance.Application.ContributionBases;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Import;

/// <summary>
/// The register import reads its base columns through the shared amount parser (<c>AmountText</c>, via
/// <see cref="BaseText"/>): "1,0.00" is an error of its row naming the base, never a base of 10.00; a spreadsheet's
/// "8,123.45" is 8,123.45; whatever the server's culture.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class AmountParsingImportTests(RegisterDatabase database)
{
    private const string Region = "450902";
    private const string Header = "身份证号码,姓名,性别,出生日期,联系电话,所在地区,医保类型,就业状态,人员类别,参保日期,月缴费工资基数,月养老金基数,基数年度";

    [Theory]
    [InlineData("1,0.00")]
    [InlineData("10,00")]
    [InlineData("1.000,00")]
    [InlineData("-5000")]
    [InlineData("5e3")]
    public void A_base_cell_that_is_not_an_amount_is_a_problem_not_a_guess(string text)
    {
        var (amount, problem) = BaseText.Amount(text);

        Assert.Null(amount);
        Assert.NotNull(problem);
    }

    [Fact]
    public async Task A_register_row_with_the_base_1_comma_0_point_00_is_refused_and_a_grouped_base_is_read()
    {
        var wrong = IdNumber.Create(Region, new DateOnly(1981, 1, 1), 11).Value;
        var grouped = IdNumber.Create(Region, new DateOnly(1982, 2, 2), 21).Value;
        var (owner, app) = await database.FreshYulinDatabaseAsync("amounts");
        var csv = string.Join("\r\n",
            Header,
            $"{wrong},韦错,,,,{Region},职工,在职,,2027-01-01,\"1,0.00\",,2027",
            $"{grouped},韦对,,,,{Region},职工,在职,,2027-01-01,\"8,123.45\",,2027",
            "");
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        try
        {
            await using var clerk = UseCaseHost.For(app, TenantIds.Yulin, Roles.Clerk);
            var import = await clerk.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "register.csv");

            Assert.Equal((1, 1), (import.ValidRows, import.ErrorRows));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }

        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p.id_number, b.amount FROM contribution_bases b JOIN insured_people p ON p.tenant_id = b.tenant_id AND p.id = b.person_id
            """, connection);
        var bases = new Dictionary<string, decimal>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                bases[reader.GetString(0)] = reader.GetDecimal(1);
        }

        Assert.Equal(8123.45m, Assert.Single(bases, b => b.Key == grouped).Value);
        Assert.DoesNotContain(bases, b => b.Key == wrong);
        Assert.DoesNotContain(bases.Values, v => v == 10m);
    }
}
