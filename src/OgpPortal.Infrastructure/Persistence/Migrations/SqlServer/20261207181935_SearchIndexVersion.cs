using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchIndexVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicContentVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicContentVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "PublicContentVersions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            // Issue 21: accents folded on every engine (as SQLite's remove_diacritics 2 and PostgreSQL's unaccent).
            migrationBuilder.Sql("ALTER FULLTEXT CATALOG CommitmentsCatalog REBUILD WITH ACCENT_SENSITIVITY = OFF;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicContentVersions");

            migrationBuilder.Sql("ALTER FULLTEXT CATALOG CommitmentsCatalog REBUILD WITH ACCENT_SENSITIVITY = ON;", suppressTransaction: true);
        }
    }
}
