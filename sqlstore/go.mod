module github.com/homewardkit/homeward/sqlstore

go 1.26.0

require github.com/homewardkit/homeward v0.0.0

replace github.com/homewardkit/homeward => ../
