using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FollowerLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Followers",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Followers");
        }
    }
}
