module github.com/homewardkit/homeward/cmd/homeward

go 1.26.0

require (
	github.com/homewardkit/homeward v0.0.0
	github.com/homewardkit/homeward/sqlstore v0.0.0
)

replace (
	github.com/homewardkit/homeward => ../../
	github.com/homewardkit/homeward/sqlstore => ../../sqlstore
)
