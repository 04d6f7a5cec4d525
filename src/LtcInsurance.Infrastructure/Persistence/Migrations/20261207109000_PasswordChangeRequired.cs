using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// <c>users.must_change_password</c>: set when an admin issues a one-time password (a new user, a reset, a new city's
/// first admin) and cleared when the user sets their own; while set, every page sends the user to 修改密码.
/// Existing users keep the passwords they chose.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207109000_PasswordChangeRequired")]
public sealed class PasswordChangeRequired : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        // The default fills the existing rows only; the application always writes the value.
        migrationBuilder.Sql("""
            ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
            ALTER TABLE users ALTER COLUMN must_change_password DROP DEFAULT;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE users DROP COLUMN must_change_password;");
    }
}
