truncate -s 65M records/huge.xml
